package id.tapak.web.map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the web map ({@code tapak.webmap.*}, environment {@code TAPAK_WEBMAP_*}). By default the page loads
 * nothing from outside Tapak: the admin layers are the base map.
 *
 * @param basemapUrl optional XYZ tile URL template ({x} {y} {z}) of a background map, e.g. an internal tile server;
 *     empty = none
 * @param basemapAttribution attribution shown with that background map
 */
@ConfigurationProperties("tapak.webmap")
public record WebMapProperties(@DefaultValue("") String basemapUrl, @DefaultValue("") String basemapAttribution) {}
