package io.aoaigw.harness.emulator.frontdoor;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Makes {@code X-Azure-Ref} values shaped like the documented example
 * ({@code 0zxV+XAAAAAB…}): "0" followed by base64 of the Unix time (little endian, 4 bytes), 4 zero bytes, 16 random
 * bytes, the edge (POP) name, a NUL and the Front Door id. Its randomness is not the routing's injected generator, so
 * a seeded routing sequence stays reproducible.
 */
final class AzureRef {
    private static final String EDGE = "LOCALEDGE0001";
    private final byte[] tail;

    AzureRef(UUID frontDoorId) {
        tail = (EDGE + '\0' + frontDoorId).getBytes(StandardCharsets.US_ASCII);
    }

    String next() {
        byte[] nonce = new byte[16];
        ThreadLocalRandom.current().nextBytes(nonce);
        ByteBuffer raw = ByteBuffer.allocate(8 + nonce.length + tail.length).order(ByteOrder.LITTLE_ENDIAN);
        raw.putInt((int) (System.currentTimeMillis() / 1000)).putInt(0).put(nonce).put(tail);
        return "0" + Base64.getEncoder().encodeToString(raw.array());
    }

    /** The stable id of a profile, as Azure's X-Azure-FDID is stable per Front Door resource. */
    static UUID frontDoorId(String subscriptionId, String resourceGroup, String profile) {
        String armId = "/subscriptions/" + subscriptionId + "/resourceGroups/" + resourceGroup
                + "/providers/Microsoft.Cdn/profiles/" + profile;
        return UUID.nameUUIDFromBytes(armId.toLowerCase().getBytes(StandardCharsets.UTF_8));
    }
}
