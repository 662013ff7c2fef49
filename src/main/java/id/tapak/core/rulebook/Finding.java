package id.tapak.core.rulebook;

import id.tapak.core.model.LocalizedText;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Geometry;

/**
 * The result of one rule for one site.
 *
 * @param ruleId the rule
 * @param title the rule title
 * @param status PASS, WARN, FAIL, NOT_APPLICABLE or NOT_ASSESSED
 * @param measured the measured value in {@code unit} (share, hectares, metres), null when nothing was measured
 * @param unit unit of {@code measured} and {@code threshold}: %, ha, m2 or m
 * @param threshold the figure compared against, null when none
 * @param citation regulation and article
 * @param confidence confirmed or guideline
 * @param subject what the finding is about, e.g. the nearest road's name or the areas the site lies in (optional)
 * @param message what was found, in Indonesian and English
 * @param condition when not null, the finding holds only on this condition (Art. 78 special case): the verdict is
 *     CONDITIONAL
 * @param conflict the offending part of the site (outside KPI, overlap, setback breach), EPSG:4326 lon/lat
 * @param conflictHa geodesic hectares of {@code conflict}
 * @param severity the rule's severity: a NOT_ASSESSED finding of a fail rule makes the verdict INCOMPLETE
 * @param assessedHa hectares of the site the rule's layers cover (null when the rule reads no layer)
 * @param unassessedHa hectares of the site outside that coverage (null when the rule reads no layer)
 * @param reason why the rule was not (or only partly) assessed, null when it was assessed over the whole site
 * @param unassessed the part of the site outside the coverage of the rule's layers (lon/lat), when partly assessed
 */
public record Finding(
    String ruleId,
    LocalizedText title,
    Status status,
    @Nullable Double measured,
    @Nullable String unit,
    @Nullable Double threshold,
    Citation citation,
    Confidence confidence,
    @Nullable String subject,
    LocalizedText message,
    @Nullable LocalizedText condition,
    @Nullable Geometry conflict,
    @Nullable Double conflictHa,
    Severity severity,
    @Nullable Double assessedHa,
    @Nullable Double unassessedHa,
    @Nullable LocalizedText reason,
    @Nullable Geometry unassessed) {

  public Finding {
    Objects.requireNonNull(ruleId, "ruleId");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(severity, "severity");
    if (status == Status.NOT_ASSESSED && reason == null) {
      throw new IllegalArgumentException("a NOT_ASSESSED finding needs its reason");
    }
    if (conflict != null && conflict.isEmpty()) {
      conflict = null;
    }
    if (unassessed != null && unassessed.isEmpty()) {
      unassessed = null;
    }
  }

  /** The same finding with another status and message (post-processing, e.g. the net-area warning). */
  public Finding with(Status newStatus, LocalizedText newMessage) {
    return new Finding(ruleId, title, newStatus, measured, unit, threshold, citation, confidence, subject, newMessage,
        condition, conflict, conflictHa, severity, assessedHa, unassessedHa, reason, unassessed);
  }

  /** A finding builder seeded from the rule, so evaluators only set what they measured. */
  public static Builder of(Rule rule) {
    return new Builder(rule);
  }

  /** Mutable builder used inside one evaluation; not shared. */
  public static final class Builder {
    private final Rule rule;
    private @Nullable Double measured;
    private @Nullable String unit;
    private @Nullable Double threshold;
    private @Nullable String subject;
    private @Nullable LocalizedText condition;
    private @Nullable Geometry conflict;
    private @Nullable Double conflictHa;
    private @Nullable Double assessedHa;
    private @Nullable Double unassessedHa;
    private @Nullable LocalizedText reason;
    private @Nullable Geometry unassessed;

    Builder(Rule rule) {
      this.rule = rule;
    }

    public Builder measured(double value, String unitName) {
      this.measured = value;
      this.unit = unitName;
      return this;
    }

    public Builder threshold(double value) {
      this.threshold = value;
      return this;
    }

    public Builder subject(@Nullable String s) {
      this.subject = s;
      return this;
    }

    public Builder condition(LocalizedText c) {
      this.condition = c;
      return this;
    }

    public Builder conflict(@Nullable Geometry g, double hectares) {
      this.conflict = g;
      this.conflictHa = hectares;
      return this;
    }

    /** Hectares assessed and not assessed (outside the coverage of the rule's layers), rounded to 4 decimals. */
    public Builder assessed(double assessed, double unassessed) {
      this.assessedHa = PlanChecks.round(assessed, 4);
      this.unassessedHa = PlanChecks.round(unassessed, 4);
      return this;
    }

    /**
     * Hectares assessed and not, from the coverage of the rule's layers; when more than {@code toleranceHa} is not
     * covered, also the reason and the uncovered part of the site.
     */
    Builder assessed(CheckContext.Assessment a, CheckContext ctx, double toleranceHa) {
      assessed(a.coveredHa(), a.unassessedHa());
      if (!a.whole(toleranceHa)) {
        this.reason = a.reason(ctx);
        this.unassessed = a.coveredHa() <= 0 ? ctx.site
            : org.locationtech.jts.operation.overlayng.OverlayNGRobust.overlay(ctx.site, a.covered(),
                org.locationtech.jts.operation.overlayng.OverlayNG.DIFFERENCE);
      }
      return this;
    }

    public Builder reason(@Nullable LocalizedText r) {
      this.reason = r;
      return this;
    }

    /** The reason set so far (by a helper that found the rule cannot be assessed). */
    public LocalizedText pendingReason() {
      return Objects.requireNonNull(reason, "no reason set");
    }

    public Finding build(Status status, String id, String en) {
      return new Finding(rule.id(), rule.title(), status, measured, unit, threshold, rule.citation(),
          rule.confidence(), subject, LocalizedText.of(id, en), condition, conflict, conflictHa, rule.severity(),
          assessedHa, unassessedHa, reason, unassessed);
    }

    /** A NOT_ASSESSED finding whose message is its reason. */
    public Finding notAssessed(LocalizedText why) {
      this.reason = why;
      return build(Status.NOT_ASSESSED, why.id(), why.en());
    }
  }
}
