package io.aoaigw.harness.emulator.aoai;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The emulator's one JSON mapper (thread-safe once configured). */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }
}
