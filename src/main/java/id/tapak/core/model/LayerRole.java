package id.tapak.core.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a layer means to a location decision. A closed set: rules and styles switch over it, so adding a role is a
 * compile-checked change. The wire name (lower-case, hyphenated) is what {@code tapak.yml} and the APIs use.
 */
public enum LayerRole {
  /** Operating industrial estates (kawasan industri). */
  ESTATE("estate"),
  /** Planned or proposed estates, including national-strategic ones. */
  PLANNED_ESTATE("planned-estate"),
  /** RTRW pola ruang: the spatial plan whose KPI class decides PP 20/2024 Art. 43(2). */
  SPATIAL_PLAN("spatial-plan"),
  /** RDTR zoning: the detail plan, which takes precedence where it covers a site. */
  DETAIL_PLAN("detail-plan"),
  /** Protected areas: hutan lindung, konservasi, mangrove, sempadan. */
  PROTECTED("protected"),
  /** LP2B / KP2B food-crop land (UU 41/2009). */
  FARMLAND("farmland"),
  /** Settlements (permukiman). */
  SETTLEMENT("settlement"),
  /** Roads, with a road-class attribute (toll, arterial, collector, local). */
  ROAD("road"),
  /** Railway lines and stations. */
  RAIL("rail"),
  /** Sea and river ports. */
  PORT("port"),
  /** Rivers, lakes and reservoirs, springs, bulk-water intakes, coastline. */
  WATER("water"),
  /** Gas pipelines and facilities. */
  GAS("gas"),
  /** Administrative boundaries (provinsi, kabupaten/kota, kecamatan) and priority regions. */
  ADMIN("admin");

  private final String wireName;

  LayerRole(String wireName) {
    this.wireName = wireName;
  }

  @JsonValue
  public String wireName() {
    return wireName;
  }

  /** Parses a wire name, case-insensitively; the message lists the allowed values. */
  @JsonCreator
  public static LayerRole of(String name) {
    String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT).replace('_', '-');
    for (LayerRole r : values()) {
      if (r.wireName.equals(n)) {
        return r;
      }
    }
    throw new IllegalArgumentException("unknown layer role '" + name + "', expected one of "
        + Arrays.stream(values()).map(LayerRole::wireName).collect(Collectors.joining(", ")));
  }

  @Override
  public String toString() {
    return wireName;
  }
}
