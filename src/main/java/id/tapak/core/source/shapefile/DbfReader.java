package id.tapak.core.source.shapefile;

import id.tapak.core.source.SourceException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads the attribute table of a shapefile set (dBase III/IV {@code .dbf}): field types C (text), N and F
 * (numbers: Long without decimals, else Double), L (Boolean) and D (ISO date text {@code yyyy-MM-dd}); other types
 * are returned as trimmed text.
 *
 * <p>Text charset, in order: the {@code .cpg} file, the dBase language-driver byte (header offset 29), else UTF-8
 * per value with an ISO-8859-1 fallback for values that are not valid UTF-8 (older Indonesian exports are often
 * Windows-1252 without saying so).
 *
 * <p>Not thread-safe: it walks one buffer.
 */
final class DbfReader {

  private record Field(String name, char type, int length, int decimals) {}

  private final ByteBuffer buf;
  private final List<Field> fields = new ArrayList<>();
  private final @Nullable Charset charset;
  private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
      .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
  private final int records;
  private final int recordLength;
  private int row;

  /**
   * @param dbf the whole {@code .dbf} file
   * @param cpg the content of the {@code .cpg} file, or null when there is none
   * @param name file name for error messages
   */
  DbfReader(ByteBuffer dbf, @Nullable String cpg, String name) {
    this.buf = dbf.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    if (buf.limit() < 32) {
      throw new SourceException(name + ": not a dBase file (too short)");
    }
    this.records = buf.getInt(4);
    int headerLength = Short.toUnsignedInt(buf.getShort(8));
    this.recordLength = Short.toUnsignedInt(buf.getShort(10));
    Charset declared = cpg == null ? null : cpgCharset(cpg);
    this.charset = declared != null ? declared : languageDriver(buf.get(29) & 0xff);
    // Checked before the field descriptors are read: they lie within the header, which must lie within the file.
    if (headerLength > buf.limit() || records < 0
        || (long) headerLength + (long) records * recordLength > buf.limit() + 1L) {
      throw new SourceException(name + ": dBase file is truncated (" + records + " records declared)");
    }
    for (int at = 32; at + 32 <= headerLength && buf.get(at) != 0x0D; at += 32) {
      byte[] raw = new byte[11];
      buf.get(at, raw);
      int len = 0;
      while (len < raw.length && raw[len] != 0) {
        len++;
      }
      String fieldName = text(raw, 0, len);
      fields.add(new Field(fieldName, (char) (buf.get(at + 11) & 0xff), buf.get(at + 16) & 0xff,
          buf.get(at + 17) & 0xff));
    }
    buf.position(headerLength);
  }

  /** Field names in table order. */
  List<String> fieldNames() {
    List<String> names = new ArrayList<>();
    for (Field f : fields) {
      names.add(f.name());
    }
    return names;
  }

  /** Number of records the header declares. */
  int recordCount() {
    return records;
  }

  /** The next record's values by field name, or null after the last record. */
  @Nullable Map<String, @Nullable Object> next() {
    if (row >= records || buf.remaining() < recordLength) {
      return null;
    }
    int start = buf.position();
    byte[] rec = new byte[recordLength];
    buf.get(rec);
    row++;
    Map<String, @Nullable Object> out = new LinkedHashMap<>();
    int at = 1; // byte 0 is the deletion flag
    for (Field f : fields) {
      out.put(f.name(), value(f, rec, at));
      at += f.length();
    }
    buf.position(start + recordLength);
    return out;
  }

  private @Nullable Object value(Field f, byte[] rec, int at) {
    int len = Math.min(f.length(), rec.length - at);
    if (len <= 0) {
      return null;
    }
    switch (f.type()) {
      case 'C': {
        int end = at + len;
        while (end > at && (rec[end - 1] == ' ' || rec[end - 1] == 0)) {
          end--;
        }
        return text(rec, at, end - at);
      }
      case 'N', 'F': {
        String s = new String(rec, at, len, StandardCharsets.US_ASCII).trim();
        if (s.isEmpty() || s.startsWith("*")) {
          return null;
        }
        try {
          if (f.decimals() == 0 && s.indexOf('.') < 0 && s.length() <= 18) {
            return Long.parseLong(s);
          }
          return Double.parseDouble(s);
        } catch (NumberFormatException notANumber) {
          return null;
        }
      }
      case 'L': {
        char c = Character.toUpperCase((char) rec[at]);
        return c == 'T' || c == 'Y' ? Boolean.TRUE : c == 'F' || c == 'N' ? Boolean.FALSE : null;
      }
      case 'D': {
        String s = new String(rec, at, len, StandardCharsets.US_ASCII).trim();
        return s.length() == 8 && s.chars().allMatch(Character::isDigit)
            ? s.substring(0, 4) + "-" + s.substring(4, 6) + "-" + s.substring(6, 8) : null;
      }
      default: {
        String s = text(rec, at, len).trim();
        return s.isEmpty() ? null : s;
      }
    }
  }

  private String text(byte[] b, int off, int len) {
    if (charset != null) {
      return new String(b, off, len, charset);
    }
    try {
      CharBuffer cb = utf8.decode(ByteBuffer.wrap(b, off, len));
      return cb.toString();
    } catch (CharacterCodingException notUtf8) {
      return new String(b, off, len, StandardCharsets.ISO_8859_1);
    }
  }

  /** The charset a {@code .cpg} names ("UTF-8", "1252", "ANSI 1252", "88591", "ISO-8859-1"), null if unknown. */
  static @Nullable Charset cpgCharset(String cpg) {
    String c = cpg.trim().toUpperCase(Locale.ROOT);
    if (c.startsWith("ANSI ")) {
      c = c.substring(5).trim();
    }
    if (c.isEmpty()) {
      return null;
    }
    if (c.matches("\\d{3,4}")) {
      c = c.equals("65001") ? "UTF-8" : c.startsWith("125") ? "windows-" + c : "IBM" + c;
    } else if (c.matches("8859\\d+")) {
      c = "ISO-8859-" + c.substring(4);
    } else if (c.matches("8859_\\d+")) {
      c = "ISO-8859-" + c.substring(5);
    } else if (c.equals("UTF8")) {
      c = "UTF-8";
    }
    try {
      return Charset.forName(c);
    } catch (IllegalArgumentException unknown) {
      return null;
    }
  }

  /** The charset of a dBase language-driver id (as GDAL reads it), null for 0 and unknown ids. */
  static @Nullable Charset languageDriver(int ldid) {
    String name;
    switch (ldid) {
      case 0x01 -> name = "IBM437";
      case 0x02 -> name = "IBM850";
      case 0x03, 0x58, 0x59 -> name = "windows-1252";
      case 0x57 -> name = "ISO-8859-1";
      case 0x64 -> name = "IBM852";
      case 0x65 -> name = "IBM866";
      case 0xC8 -> name = "windows-1250";
      case 0xC9 -> name = "windows-1251";
      case 0xCA -> name = "windows-1254";
      case 0xCB -> name = "windows-1253";
      default -> {
        return null;
      }
    }
    return Charset.forName(name);
  }
}
