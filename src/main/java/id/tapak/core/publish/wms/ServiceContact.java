package id.tapak.core.publish.wms;

import java.util.Objects;

/**
 * Who answers for a WMS: the capabilities' {@code ContactInformation} (WMS 1.3.0 §7.2.4.3 recommends it). Settings
 * {@code tapak.wms.contact.*}; a deployment should set its own office. The default names no person and no street, only
 * the country the service is for, so it never invents an address.
 *
 * @param person contact person (may be empty)
 * @param organization organisation (may be empty)
 * @param position the person's position (may be empty)
 * @param address street address (may be empty)
 * @param city city (may be empty)
 * @param province province (may be empty)
 * @param postCode post code (may be empty)
 * @param country country
 * @param phone voice telephone (may be empty)
 * @param email e-mail address (may be empty)
 */
public record ServiceContact(String person, String organization, String position, String address, String city,
    String province, String postCode, String country, String phone, String email) {

  /** No person, no street: the country only. */
  public static final ServiceContact DEFAULT =
      new ServiceContact("", "", "", "", "", "", "", "Indonesia", "", "");

  public ServiceContact {
    Objects.requireNonNull(person, "person");
    Objects.requireNonNull(organization, "organization");
    Objects.requireNonNull(position, "position");
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(city, "city");
    Objects.requireNonNull(province, "province");
    Objects.requireNonNull(postCode, "postCode");
    Objects.requireNonNull(country, "country");
    Objects.requireNonNull(phone, "phone");
    Objects.requireNonNull(email, "email");
  }
}
