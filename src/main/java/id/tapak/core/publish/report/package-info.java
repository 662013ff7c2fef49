/**
 * A check's report as data: JSON, GeoJSON (its features through {@code GeoJsonWriter}) and CLI text
 * ({@link ReportWriter}). The printable report of a stored check: a view of the stored JSON report
 * ({@link CheckReport}, tolerant of members added later such as {@code notAssessed} and {@code dataUsed}), bilingual
 * labels ({@link ReportLabels}), the site map drawn by Tapak's own WMS code ({@link ReportMap}) and one writer per
 * format: PDF ({@link PdfReportWriter}, OpenPDF), print-friendly HTML ({@link HtmlReportWriter}) and CSV
 * ({@link CsvReportWriter}). No HTTP here.
 */
@NullMarked
package id.tapak.core.publish.report;

import org.jspecify.annotations.NullMarked;
