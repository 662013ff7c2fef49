package id.tapak.core.publish.style;

import java.awt.Color;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** What a rule draws. Sizes and widths are in pixels; colours carry their opacity as alpha. */
public sealed interface Symbolizer permits Symbolizer.Polygon, Symbolizer.Line, Symbolizer.Point, Symbolizer.Text {

  /**
   * Fills and/or outlines polygons; lines and points are ignored.
   *
   * @param fill fill colour, or null for none
   * @param stroke outline colour, or null for none
   * @param strokeWidth outline width, pixels
   */
  record Polygon(@Nullable Color fill, @Nullable Color stroke, float strokeWidth) implements Symbolizer {}

  /**
   * Strokes lines and polygon outlines.
   *
   * @param stroke colour
   * @param width width, pixels
   * @param dash dash pattern in pixels, or null for solid
   */
  record Line(Color stroke, float width, float @Nullable [] dash) implements Symbolizer {
    public Line {
      Objects.requireNonNull(stroke, "stroke");
    }
  }

  /**
   * Draws a mark at points (at the interior point of lines and polygons).
   *
   * @param mark {@code circle}, {@code square}, {@code triangle}, {@code star}, {@code cross} or {@code x}
   * @param size mark size, pixels
   */
  record Point(String mark, float size, @Nullable Color fill, @Nullable Color stroke, float strokeWidth)
      implements Symbolizer {
    public Point {
      Objects.requireNonNull(mark, "mark");
    }
  }

  /**
   * Draws an attribute as a label, with a halo so it stays readable over fills.
   *
   * @param property attribute whose value is drawn
   * @param size font size, pixels
   * @param fill text colour
   * @param halo halo colour, or null for none
   */
  record Text(String property, float size, Color fill, @Nullable Color halo) implements Symbolizer {
    public Text {
      Objects.requireNonNull(property, "label property");
      Objects.requireNonNull(fill, "fill");
    }
  }
}
