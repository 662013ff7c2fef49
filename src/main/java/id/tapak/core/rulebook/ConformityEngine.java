package id.tapak.core.rulebook;

import id.tapak.core.geo.CellClips;
import id.tapak.core.geo.CoverageCells;
import id.tapak.core.model.Budget;
import id.tapak.core.catalog.Catalog;
import id.tapak.core.catalog.Layer;
import id.tapak.core.catalog.LayerUnavailableException;
import id.tapak.core.catalog.LayerSpec;
import id.tapak.core.geo.GeodesicMeasure;
import id.tapak.core.model.LayerRole;
import id.tapak.core.model.LocalizedText;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates a proposal against every rule of a rulebook over a catalog and returns the report. Pure: it reads the
 * immutable catalog and writes nothing, so one engine serves all threads. Each rule is dispatched by an exhaustive
 * switch over {@link CheckType}; a rule whose evaluation throws (bad layer data) becomes NOT_ASSESSED saying so,
 * never a silent PASS and never a failed request. The report also names every layer used and the net area.
 */
public final class ConformityEngine {

  private static final Logger LOG = LoggerFactory.getLogger(ConformityEngine.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  /** Default time budget of one check (setting {@code tapak.limits.check-budget}). */
  public static final java.time.Duration DEFAULT_BUDGET = java.time.Duration.ofSeconds(20);

  private final Catalog catalog;
  /** Large plan polygons cut to the cells around recent sites, shared by this engine's checks (bounded). */
  private final CellClips clips = new CellClips();
  /** The coverage of the areas around recent sites by cell, shared by this engine's checks. */
  private final CoverageCells cells = new CoverageCells(clips);
  private final Rulebook rulebook;
  private final java.time.Duration budget;

  public ConformityEngine(Catalog catalog, Rulebook rulebook) {
    this(catalog, rulebook, DEFAULT_BUDGET);
  }

  /**
   * @param budget how long one check may take; past it {@link #check} throws
   *     {@link Budget.BudgetExceededException} (HTTP 503) and nothing is stored
   */
  public ConformityEngine(Catalog catalog, Rulebook rulebook, java.time.Duration budget) {
    this.catalog = catalog;
    this.rulebook = rulebook;
    this.budget = budget;
  }

  public Rulebook rulebook() {
    return rulebook;
  }

  public Catalog catalog() {
    return catalog;
  }

  /** Checks a proposal under a fresh id. */
  public ConformityReport check(Proposal proposal) {
    return check(proposal, newId());
  }

  /** Checks a proposal under the given id. */
  public ConformityReport check(Proposal proposal, String id) {
    try (Budget.Scope b = Budget.open("the check", budget)) {
      return run(proposal, id);
    }
  }

  private ConformityReport run(Proposal proposal, String id) {
    CheckContext ctx = new CheckContext(proposal, catalog, clips, cells);
    List<Finding> findings = new ArrayList<>();
    for (Rule rule : rulebook.rules()) {
      Budget.checkpoint();
      findings.add(evaluate(rule, ctx));
    }
    double net = netHa(ctx, findings);
    findings = netExpanse(findings, net);
    return new ConformityReport(id, Instant.now().truncatedTo(ChronoUnit.MILLIS), proposal.name(), proposal.kind(),
        proposal.specialCase(), rulebook.id(), Verdict.of(findings), PlanChecks.round(ctx.siteHa, 4), proposal.site(),
        findings, proposal.notes(), PlanChecks.round(net, 4), dataUsed(ctx), location(ctx), proposal.kbli(),
        proposal.exception());
  }

  /**
   * Net developable hectares: the site minus what the overlap, setback and water-crossing findings found in it (LP2B,
   * protected land, setbacks, water bodies); other estates are not subtracted (their overlap is its own question).
   */
  private double netHa(CheckContext ctx, List<Finding> findings) {
    List<org.locationtech.jts.geom.Geometry> out = new ArrayList<>();
    for (Finding f : findings) {
      Rule r = rulebook.rule(f.ruleId()).orElse(null);
      if (r == null || f.conflict() == null || f.conflict().getDimension() < 2) {
        continue;
      }
      boolean subtract = switch (r.check()) {
        case FORBIDDEN_OVERLAP -> !r.roles().contains(LayerRole.ESTATE);
        case SETBACK -> true;
        case CROSSING -> r.roles().contains(LayerRole.WATER);
        default -> false;
      };
      if (subtract) {
        out.add(f.conflict());
      }
    }
    if (out.isEmpty()) {
      return ctx.siteHa;
    }
    var all = org.locationtech.jts.operation.overlayng.OverlayNGRobust.union(ctx.site.getFactory().buildGeometry(out));
    var inSite = org.locationtech.jts.operation.overlayng.OverlayNGRobust.overlay(all, ctx.site,
        org.locationtech.jts.operation.overlayng.OverlayNG.INTERSECTION);
    return Math.max(0, ctx.siteHa - GeodesicMeasure.hectares(inSite));
  }

  /** The 50 ha rule decides on the gross area the article names; a PASS whose net area is below it warns. */
  private List<Finding> netExpanse(List<Finding> findings, double net) {
    List<Finding> out = new ArrayList<>(findings.size());
    for (Finding f : findings) {
      Rule r = rulebook.rule(f.ruleId()).orElse(null);
      if (r != null && r.check() == CheckType.MIN_EXPANSE && f.status() == Status.PASS && net < r.threshold("min_ha")) {
        String id = PlanChecks.fi(" Luas bersih (tanpa sempadan, lahan lindung, LP2B, badan air) %.2f ha < %.0f ha.",
            net, r.threshold("min_ha"));
        String en = PlanChecks.f(" The net area (without setbacks, protected land, LP2B, water bodies) is %.2f ha "
            + "< %.0f ha.", net, r.threshold("min_ha"));
        f = f.with(Status.WARN, LocalizedText.of(f.message().id() + id, f.message().en() + en));
      }
      out.add(f);
    }
    return out;
  }

  /** Every layer an evaluator read, in first-use order. */
  private static List<ConformityReport.DataUsed> dataUsed(CheckContext ctx) {
    List<ConformityReport.DataUsed> out = new ArrayList<>();
    for (Layer l : ctx.used) {
      LayerSpec s = l.spec();
      String source = s.attribution() != null ? s.attribution() : s.description();
      if (s.source().type() == id.tapak.core.source.SourceType.POSTGIS) {
        // a database layer: say which table, so the report can be traced to the data
        source = (source == null ? "" : source + " · ") + "PostGIS " + s.source().layer();
      }
      out.add(new ConformityReport.DataUsed(l.id(), s.title(), source, s.date(), l.geometryQuality(), s.regulation(),
          ctx.catalog.coverage(l).description()));
    }
    return out;
  }

  /** For each admin layer, the names of the areas the site intersects. */
  private static List<ConformityReport.Place> location(CheckContext ctx) {
    List<ConformityReport.Place> out = new ArrayList<>();
    for (Layer l : ctx.catalog.layers(LayerRole.ADMIN)) {
      java.util.Set<String> names = new java.util.LinkedHashSet<>();
      try {
        for (var f : ctx.intersecting(l, ctx.site)) {
          names.add(CheckContext.name(l, f));
        }
      } catch (LayerUnavailableException e) {
        continue; // the place is not named while the admin layer's database is down; no rule depends on it
      }
      if (!names.isEmpty()) {
        out.add(new ConformityReport.Place(l.id(), l.spec().title(), List.copyOf(names)));
      }
    }
    return out;
  }

  private static Finding evaluate(Rule rule, CheckContext ctx) {
    try {
      return switch (rule.check()) {
        case KPI_ALLOCATION -> PlanChecks.kpi(rule, ctx);
        case MIN_EXPANSE -> PlanChecks.expanse(rule, ctx);
        case SENTRA_IKM -> PlanChecks.sentra(rule, ctx);
        case IKM_LAND -> LandUseChecks.ikm(rule, ctx);
        case IKM_SHARE -> LandUseChecks.ikmShare(rule, ctx);
        case COMPOSITION -> LandUseChecks.composition(rule, ctx);
        case FORBIDDEN_OVERLAP -> OverlapCheck.evaluate(rule, ctx);
        case SETBACK -> SetbackCheck.evaluate(rule, ctx);
        case ACCESS, SEPARATION -> DistanceCheck.evaluate(rule, ctx);
        case CROSSING -> CrossingCheck.evaluate(rule, ctx);
        case COMPANY_LOCATION -> CompanyLocationCheck.evaluate(rule, ctx);
        case LOCATION -> LocationCheck.evaluate(rule, ctx);
      };
    } catch (Budget.BudgetExceededException spent) {
      throw spent; // the whole check stops: a report with this rule "not assessed" would be stored
    } catch (LayerUnavailableException e) {
      // a live layer's database is down: the rule cannot be decided, so the verdict is INCOMPLETE, never CONFORM
      LOG.warn("rule {}: {}", rule.id(), e.getMessage());
      return Finding.of(rule).notAssessed(LocalizedText.of("layer '" + e.layerId() + "' tidak tersedia saat ini "
          + "(basis data tidak dapat dihubungi); periksa lagi nanti", "layer '" + e.layerId() + "' is unavailable "
          + "now (its database cannot be reached); check again later"));
    } catch (RuntimeException e) {
      LOG.warn("rule {} could not be evaluated", rule.id(), e);
      return Finding.of(rule).notAssessed(LocalizedText.of("aturan tidak dapat dievaluasi ("
          + e.getClass().getSimpleName() + " pada data layer); periksa manual", "the rule could not be evaluated ("
          + e.getClass().getSimpleName() + " on the layer data); check by hand"));
    }
  }

  /** A short, URL-safe random id: 16 hex digits (64 bits). */
  public static String newId() {
    byte[] b = new byte[8];
    RANDOM.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }
}
