package id.tapak.core.publish.wms;

import id.tapak.core.model.LayerRole;
import id.tapak.core.model.LocalizedText;

/** Titles of the capabilities' role groups, Indonesian first. */
final class RoleTitles {

  private RoleTitles() {}

  static LocalizedText of(LayerRole role) {
    return switch (role) {
      case ESTATE -> LocalizedText.of("Kawasan industri", "Industrial estates");
      case PLANNED_ESTATE -> LocalizedText.of("Rencana kawasan industri", "Planned industrial estates");
      case SPATIAL_PLAN -> LocalizedText.of("Rencana tata ruang (RTRW)", "Spatial plan (RTRW)");
      case DETAIL_PLAN -> LocalizedText.of("Rencana detail tata ruang (RDTR)", "Detail plan (RDTR)");
      case PROTECTED -> LocalizedText.of("Kawasan lindung", "Protected areas");
      case FARMLAND -> LocalizedText.of("Lahan pertanian pangan (LP2B)", "Food-crop farmland (LP2B)");
      case SETTLEMENT -> LocalizedText.of("Permukiman", "Settlements");
      case ROAD -> LocalizedText.of("Jalan", "Roads");
      case RAIL -> LocalizedText.of("Perkeretaapian", "Railways");
      case PORT -> LocalizedText.of("Pelabuhan", "Ports");
      case WATER -> LocalizedText.of("Sumber daya air", "Water");
      case GAS -> LocalizedText.of("Jaringan gas", "Gas network");
      case ADMIN -> LocalizedText.of("Batas administrasi", "Administrative boundaries");
    };
  }
}
