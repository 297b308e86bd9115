package io.aoaigw.harness.cli;

public final class Main {
    public static void main(String[] args) {
    }
}
