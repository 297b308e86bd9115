/**
 * The reports index a run leaves: links to every report, the contract steps as a green/red strip with each failing
 * check's fix, per load summary its TTFT/ITL distributions, origin shares and answers per second (inline SVG), the
 * load figures and the capacity trend.
 */
package io.aoaigw.harness.report;
