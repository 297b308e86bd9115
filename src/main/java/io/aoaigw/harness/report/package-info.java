/** The reports index a run leaves: links to every report, contract and load digests, the capacity trend. */
package io.aoaigw.harness.report;
