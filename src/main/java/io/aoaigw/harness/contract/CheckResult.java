package io.aoaigw.harness.contract;

/** One named check: its status (passed, failed, skipped) and what established or broke it. */
public record CheckResult(String name, String status, String detail) {
}
