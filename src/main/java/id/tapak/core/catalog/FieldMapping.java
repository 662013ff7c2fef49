package id.tapak.core.catalog;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Which source attribute plays which part, as written under {@code fields:} in {@code tapak.yml}. Every named field
 * must exist in the source, or start-up stops naming the layer and the key. All entries are optional.
 *
 * @param id stable feature id (default: the source's fid / feature id / record number)
 * @param name display name, e.g. {@code nama}, {@code NAMOBJ}, {@code NAMRJL}
 * @param planClass pola-ruang or zoning class, e.g. KUGI {@code NAMOBJ} (RTRW) or {@code KODZON} (RDTR)
 * @param roadClass road class, e.g. RBI {@code REMARK} ("Jalan Tol…", "Jalan Arteri…")
 * @param waterClass water feature class (river, lake, spring, coast, intake) for setback rules
 * @param status estate status (operating, planned, construction)
 * @param area published area in hectares, when the source carries one (e.g. {@code LUASHA}, {@code luas_ha})
 */
public record FieldMapping(
    @Nullable String id,
    @Nullable String name,
    @Nullable String planClass,
    @Nullable String roadClass,
    @Nullable String waterClass,
    @Nullable String status,
    @Nullable String area) {

  public static final FieldMapping NONE = new FieldMapping(null, null, null, null, null, null, null);

  /** The mapped entries as key → field name, keys as written in {@code tapak.yml}. */
  public Map<String, String> entries() {
    Map<String, String> m = new LinkedHashMap<>();
    put(m, "id", id);
    put(m, "name", name);
    put(m, "planClass", planClass);
    put(m, "roadClass", roadClass);
    put(m, "waterClass", waterClass);
    put(m, "status", status);
    put(m, "area", area);
    return m;
  }

  private static void put(Map<String, String> m, String k, @Nullable String v) {
    if (v != null) {
      m.put(k, v);
    }
  }
}
