/**
 * What the harness and the emulator share about the machine they run on: the loopback rule ({@link
 * io.aoaigw.harness.host.LoopbackGuard}) and the clock of ground truth ({@link io.aoaigw.harness.host.EpochMicros}).
 * Depends on nothing else of ours.
 */
package io.aoaigw.harness.host;
