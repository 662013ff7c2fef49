package id.tapak.web.wms;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * WMS settings ({@code tapak.wms.*}).
 *
 * @param maxWidth largest GetMap WIDTH, pixels (default 4096)
 * @param maxHeight largest GetMap HEIGHT, pixels (default 4096)
 * @param cacheSize most rendered images kept in memory; 0 disables the tile cache (default 2000); the memory they
 *     may hold is bounded by {@code tapak.limits.tile-cache-bytes} (default 64 MB)
 * @param contact the capabilities' ContactInformation ({@code tapak.wms.contact.*}); default: country only
 */
@ConfigurationProperties("tapak.wms")
public record WmsProperties(
    @DefaultValue("4096") int maxWidth,
    @DefaultValue("4096") int maxHeight,
    @DefaultValue("2000") int cacheSize,
    @DefaultValue Contact contact) {

  /**
   * {@code tapak.wms.contact.*}: who answers for this service; every value may be empty except the country.
   *
   * @param person contact person
   * @param organization organisation
   * @param position the person's position
   * @param address street address
   * @param city city
   * @param province province
   * @param postCode post code
   * @param country country (default Indonesia)
   * @param phone voice telephone
   * @param email e-mail address
   */
  public record Contact(@DefaultValue("") String person, @DefaultValue("") String organization,
      @DefaultValue("") String position, @DefaultValue("") String address, @DefaultValue("") String city,
      @DefaultValue("") String province, @DefaultValue("") String postCode,
      @DefaultValue("Indonesia") String country, @DefaultValue("") String phone, @DefaultValue("") String email) {

    id.tapak.core.publish.wms.ServiceContact toCore() {
      return new id.tapak.core.publish.wms.ServiceContact(person, organization, position, address, city, province,
          postCode, country, phone, email);
    }
  }

  public WmsProperties {
    if (maxWidth <= 0 || maxHeight <= 0) {
      throw new IllegalArgumentException("tapak.wms.max-width and max-height must be positive");
    }
    if (cacheSize < 0) {
      throw new IllegalArgumentException("tapak.wms.cache-size must be >= 0 (0 disables the cache)");
    }
  }
}
