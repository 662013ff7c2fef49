package id.tapak.web.checks;

import id.tapak.core.model.TapakException;
import id.tapak.core.rulebook.Verdict;
import id.tapak.core.store.CheckStore.CheckFilter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The query parameters of {@code GET /api/checks} turned into a {@link CheckFilter}; every bad value is a 400 naming
 * its parameter. Dates are UTC days: {@code from=2026-11-01} starts at 00:00Z, {@code to=2026-11-30} ends at the
 * end of that day (the next day's 00:00Z, exclusive); instants ({@code 2026-11-30T08:00:00Z}) are taken as given.
 */
final class HistoryFilter {

  private HistoryFilter() {}

  static CheckFilter of(@Nullable String from, @Nullable String to, @Nullable String verdict,
      @Nullable String place, @Nullable String rulebook) {
    Instant f = instant("from", from, false);
    Instant t = instant("to", to, true);
    if (f != null && t != null && !f.isBefore(t)) {
      throw TapakException.badRequest("from", "from (" + from + ") must be before to (" + to + ")");
    }
    String v = null;
    if (verdict != null && !verdict.isBlank()) {
      try {
        v = Verdict.valueOf(verdict.strip().toUpperCase(Locale.ROOT)).name();
      } catch (IllegalArgumentException e) {
        throw TapakException.badRequest("verdict", "verdict must be one of " + Arrays.toString(Verdict.values())
            + ", got '" + verdict + "'");
      }
    }
    if (place != null && place.strip().length() > CheckFilter.MAX_PLACE) {
      throw TapakException.badRequest("place", "place must be at most " + CheckFilter.MAX_PLACE + " characters");
    }
    if (rulebook != null && rulebook.length() > 200) {
      throw TapakException.badRequest("rulebook", "rulebook must be at most 200 characters");
    }
    return new CheckFilter(f, t, v, place, rulebook);
  }

  private static @Nullable Instant instant(String name, @Nullable String v, boolean endOfDay) {
    if (v == null || v.isBlank()) {
      return null;
    }
    String s = v.strip();
    try {
      if (s.length() == 10) {
        LocalDate d = LocalDate.parse(s);
        return (endOfDay ? d.plusDays(1) : d).atStartOfDay(ZoneOffset.UTC).toInstant();
      }
      return Instant.parse(s);
    } catch (DateTimeParseException e) {
      throw TapakException.badRequest(name, name + " must be a date (2026-11-30) or a UTC instant "
          + "(2026-11-30T08:00:00Z), got '" + v + "'");
    }
  }

  /** The filter parameters as they were given, {@code &name=value…}, for the paging links. */
  static String query(@Nullable String from, @Nullable String to, @Nullable String verdict, @Nullable String place,
      @Nullable String rulebook) {
    Map<String, @Nullable String> p = new LinkedHashMap<>();
    p.put("from", from);
    p.put("to", to);
    p.put("verdict", verdict);
    p.put("place", place);
    p.put("rulebook", rulebook);
    StringBuilder out = new StringBuilder();
    p.forEach((k, val) -> {
      if (val != null && !val.isBlank()) {
        out.append('&').append(k).append('=').append(URLEncoder.encode(val, StandardCharsets.UTF_8));
      }
    });
    return out.toString();
  }
}
