package io.aoaigw.harness.discover;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What discovery found, ready to be written as a target file: the chosen value of every field, and per section the
 * comments that explain a choice or list the alternatives ARM showed ("# CHOOSE: …").
 */
final class TargetDraft {
    /** A deployment every account carries; version null when the accounts disagree. */
    record Deployment(String id, String model, String version) {
    }

    String subscriptionId;
    String resourceGroup;
    String tenantId;
    String apimService;
    String apiId;
    String gatewayUrl;
    String keyHeader;
    List<String> products = new ArrayList<>();
    String frontDoorProfile;
    String frontDoorEndpoint;
    String originGroup;
    List<String> accounts = new ArrayList<>();
    List<Deployment> deployments = new ArrayList<>();
    /** Section name (apim, frontDoor, accounts, expectedDeployments, …) → comment lines written above it. */
    final Map<String, List<String>> notes = new LinkedHashMap<>();

    void note(String section, String text) {
        notes.computeIfAbsent(section, k -> new ArrayList<>()).add(text);
    }

    List<String> notes(String section) {
        return notes.getOrDefault(section, List.of());
    }
}
