package id.tapak.core.rulebook;

import id.tapak.core.catalog.Catalog;
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
 * switch over {@link CheckType}; a rule whose evaluation throws (bad layer data) becomes a conditional WARN saying
 * so, never a silent PASS and never a failed request.
 */
public final class ConformityEngine {

  private static final Logger LOG = LoggerFactory.getLogger(ConformityEngine.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Catalog catalog;
  private final Rulebook rulebook;

  public ConformityEngine(Catalog catalog, Rulebook rulebook) {
    this.catalog = catalog;
    this.rulebook = rulebook;
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
    CheckContext ctx = new CheckContext(proposal, catalog);
    List<Finding> findings = new ArrayList<>();
    for (Rule rule : rulebook.rules()) {
      findings.add(evaluate(rule, ctx));
    }
    return new ConformityReport(id, Instant.now().truncatedTo(ChronoUnit.MILLIS), proposal.name(), proposal.kind(),
        proposal.specialCase(), rulebook.id(), Verdict.of(findings), PlanChecks.round(ctx.siteHa, 4), proposal.site(),
        findings, proposal.notes());
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
        case LOCATION -> LocationCheck.evaluate(rule, ctx);
      };
    } catch (RuntimeException e) {
      LOG.warn("rule {} could not be evaluated", rule.id(), e);
      return Finding.of(rule).condition(LocalizedText.of("periksa secara manual", "check by hand"))
          .build(Status.WARN, "Aturan tidak dapat dinilai (" + e.getClass().getSimpleName() + "); periksa manual.",
              "The rule could not be evaluated (" + e.getClass().getSimpleName() + "); check by hand.");
    }
  }

  /** A short, URL-safe random id: 16 hex digits (64 bits). */
  public static String newId() {
    byte[] b = new byte[8];
    RANDOM.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }
}
