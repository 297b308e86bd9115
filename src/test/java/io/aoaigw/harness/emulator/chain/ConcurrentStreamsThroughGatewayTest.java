package io.aoaigw.harness.emulator.chain;

import static org.assertj.core.api.Assertions.assertThat;

import io.aoaigw.harness.emulator.EmbeddedTopology;
import io.aoaigw.harness.emulator.aoai.RequestRecord;
import io.aoaigw.harness.testsupport.EmbeddedTopologyExtension;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Streams opened together through APIM and Front Door are served together by the accounts: neither gateway
 * serialises them behind a small connection pool. Measured on the accounts' ground truth (arrival to end of each
 * stream), so the check does not depend on how fast this machine is.
 */
@ExtendWith(EmbeddedTopologyExtension.class)
class ConcurrentStreamsThroughGatewayTest {
    private static final int STREAMS = 40;

    @Test
    void streamsOpenedTogetherOverlapAtTheAccounts(EmbeddedTopology embedded) throws Exception {
        ChainClient client = new ChainClient(embedded);
        ExecutorService pool = Executors.newFixedThreadPool(STREAMS);
        List<ChainClient.Stream> streams = new ArrayList<>();
        try {
            Callable<ChainClient.Stream> stream = () -> client.stream("load", 30);
            // a first round opens the connections (a TLS handshake each, at every hop); the second is measured
            for (Future<ChainClient.Stream> s : pool.invokeAll(Collections.nCopies(STREAMS, stream))) {
                s.get();
            }
            for (Future<ChainClient.Stream> s : pool.invokeAll(Collections.nCopies(STREAMS, stream))) {
                streams.add(s.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(streams).allSatisfy(s -> assertThat(s.status()).isEqualTo(200));

        List<RequestRecord> records = new ArrayList<>();
        for (ChainClient.Stream s : streams) {
            String id = s.headers().firstValue("x-request-id").orElseThrow();
            embedded.topology().accounts().forEach(a -> embedded.account(a.name()).groundTruth().find(id)
                    .ifPresent(records::add));
        }
        assertThat(records).hasSize(STREAMS);
        // every stream lasts ~0.8 s and all were opened at once: most must have been open at the same moment
        assertThat(maxOverlap(records)).isGreaterThanOrEqualTo(STREAMS * 3 / 4);
    }

    private static int maxOverlap(List<RequestRecord> records) {
        int best = 0;
        for (RequestRecord r : records) {
            long t = r.arrivalEpochMicros();
            int open = (int) records.stream()
                    .filter(o -> o.arrivalEpochMicros() <= t && o.completedEpochMicros() > t).count();
            best = Math.max(best, open);
        }
        return best;
    }
}
