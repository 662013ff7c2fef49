package id.tapak.core.publish.render;

import id.tapak.core.model.Feature;
import id.tapak.core.publish.style.Style;
import id.tapak.core.publish.style.StyleRule;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * A layer's features projected once into a map CRS, as packed coordinate arrays (interleaved x, y in the CRS's
 * east/north order) with an STRtree over the projected envelopes. Built once per (layer, CRS) so that tiled clients
 * pay no projection and no geometry allocation per request. Immutable and thread-safe once built.
 */
public final class ProjectedLayer {

  /** Most distinct property maps remembered while matching a style (a layer of unique names has one per feature). */
  private static final int MAX_DISTINCT = 4096;

  /** Part kinds. */
  static final byte POINT = 0;
  static final byte LINE = 1;
  static final byte RING = 2;

  private final List<Feature> features;
  private final double[][][] parts;
  private final byte[][] kinds;
  private final Envelope[] envelopes;
  /** Per feature, per part: minx, miny, maxx, maxy, so parts of a big multipolygon far from the map are skipped. */
  private final double[][] partBoxes;
  private final STRtree tree;
  /** Filter results per style (bit r set = rule r's filter matches); weak so per-request SLD styles go away. */
  private final Map<Style, long[]> matches = Collections.synchronizedMap(new WeakHashMap<>());

  private ProjectedLayer(List<Feature> features, double[][][] parts, byte[][] kinds, Envelope[] envelopes) {
    this.features = features;
    this.parts = parts;
    this.kinds = kinds;
    this.envelopes = envelopes;
    this.partBoxes = new double[parts.length][];
    for (int i = 0; i < parts.length; i++) {
      double[] b = new double[parts[i].length * 4];
      for (int p = 0; p < parts[i].length; p++) {
        double[] xy = parts[i][p];
        double x0 = Double.POSITIVE_INFINITY;
        double y0 = Double.POSITIVE_INFINITY;
        double x1 = Double.NEGATIVE_INFINITY;
        double y1 = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < xy.length; k += 2) {
          x0 = Math.min(x0, xy[k]);
          x1 = Math.max(x1, xy[k]);
          y0 = Math.min(y0, xy[k + 1]);
          y1 = Math.max(y1, xy[k + 1]);
        }
        b[4 * p] = x0;
        b[4 * p + 1] = y0;
        b[4 * p + 2] = x1;
        b[4 * p + 3] = y1;
      }
      partBoxes[i] = b;
    }
    this.tree = new STRtree(10);
    for (int i = 0; i < envelopes.length; i++) {
      if (!envelopes[i].isNull()) {
        tree.insert(envelopes[i], i);
      }
    }
    tree.build(); // eagerly: a lazily built STRtree is not safe for concurrent first queries
  }

  /** Projects the features (EPSG:4326 lon/lat) with one projection; call from one thread. */
  public static ProjectedLayer of(List<Feature> features, MapCrs.Projection projection) {
    int n = features.size();
    double[][][] parts = new double[n][][];
    byte[][] kinds = new byte[n][];
    Envelope[] envs = new Envelope[n];
    List<double[]> ps = new ArrayList<>();
    List<Byte> ks = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      ps.clear();
      ks.clear();
      collect(features.get(i).geometry(), ps, ks);
      Envelope env = new Envelope();
      parts[i] = new double[ps.size()][];
      kinds[i] = new byte[ps.size()];
      for (int p = 0; p < ps.size(); p++) {
        double[] xy = ps.get(p);
        projection.forward(xy, xy.length / 2);
        for (int k = 0; k < xy.length; k += 2) {
          if (Double.isFinite(xy[k]) && Double.isFinite(xy[k + 1])) {
            env.expandToInclude(xy[k], xy[k + 1]);
          }
        }
        parts[i][p] = xy;
        kinds[i][p] = ks.get(p);
      }
      envs[i] = env;
    }
    return new ProjectedLayer(features, parts, kinds, envs);
  }

  private static void collect(Geometry g, List<double[]> ps, List<Byte> ks) {
    if (g instanceof Polygon poly) {
      add(poly.getExteriorRing().getCoordinates(), RING, ps, ks);
      for (int r = 0; r < poly.getNumInteriorRing(); r++) {
        add(poly.getInteriorRingN(r).getCoordinates(), RING, ps, ks);
      }
    } else if (g instanceof LineString ls) {
      add(ls.getCoordinates(), LINE, ps, ks);
    } else if (g instanceof Point pt) {
      if (!pt.isEmpty()) {
        add(pt.getCoordinates(), POINT, ps, ks);
      }
    } else {
      for (int i = 0; i < g.getNumGeometries(); i++) {
        Geometry part = g.getGeometryN(i);
        if (part != g) {
          collect(part, ps, ks);
        }
      }
    }
  }

  private static void add(Coordinate[] cs, byte kind, List<double[]> ps, List<Byte> ks) {
    if (cs.length == 0) {
      return;
    }
    double[] xy = new double[cs.length * 2];
    for (int i = 0; i < cs.length; i++) {
      xy[2 * i] = cs[i].x;
      xy[2 * i + 1] = cs[i].y;
    }
    ps.add(xy);
    ks.add(kind);
  }

  /** Indices of features whose projected envelope intersects the envelope, in layer order. */
  public List<Integer> query(Envelope env) {
    @SuppressWarnings("unchecked")
    List<Integer> hits = tree.query(env);
    Collections.sort(hits);
    return hits;
  }

  /**
   * For each feature, which rules of the style have a matching filter (bit r for rule r; rules without a filter
   * always match). Computed once per (layer, style): attribute filters are the same on every tile, and evaluating
   * LIKE patterns per feature per tile cost a quarter of the rendering time. Features with equal properties share
   * one evaluation: a live layer's map is projected per request with only the attributes the style reads, so a
   * dense tile of 600 plan polygons has a few dozen distinct ones. Null for styles of more than 64 rules.
   */
  long @org.jspecify.annotations.Nullable [] ruleMatches(Style style) {
    List<StyleRule> rules = style.rules();
    if (rules.size() > 64) {
      return null;
    }
    long[] m = matches.get(style);
    if (m == null) {
      m = new long[features.size()];
      Map<Map<String, @org.jspecify.annotations.Nullable Object>, Long> seen = new HashMap<>();
      for (int i = 0; i < m.length; i++) {
        var props = features.get(i).properties();
        Long known = seen.size() < MAX_DISTINCT ? seen.get(props) : null;
        long bits = 0;
        if (known != null) {
          bits = known;
        } else {
          for (int r = 0; r < rules.size(); r++) {
            if (rules.get(r).matches(props)) {
              bits |= 1L << r;
            }
          }
          if (seen.size() < MAX_DISTINCT) {
            seen.put(props, bits);
          }
        }
        m[i] = bits;
      }
      matches.put(style, m);
    }
    return m;
  }

  public int size() {
    return features.size();
  }

  public Feature feature(int i) {
    return features.get(i);
  }

  /** Coordinate arrays of feature {@code i}: interleaved x, y. Do not modify. */
  double[][] parts(int i) {
    return parts[i];
  }

  /** Part kinds of feature {@code i} ({@link #POINT}, {@link #LINE}, {@link #RING}). */
  byte[] kinds(int i) {
    return kinds[i];
  }

  /** Whether part {@code p} of feature {@code i} meets the envelope. */
  boolean partIntersects(int i, int p, Envelope e) {
    double[] b = partBoxes[i];
    return b[4 * p] <= e.getMaxX() && b[4 * p + 2] >= e.getMinX() && b[4 * p + 1] <= e.getMaxY()
        && b[4 * p + 3] >= e.getMinY();
  }

  Envelope envelope(int i) {
    return envelopes[i];
  }
}
