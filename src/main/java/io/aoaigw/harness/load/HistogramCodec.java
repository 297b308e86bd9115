package io.aoaigw.harness.load;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.zip.DataFormatException;
import org.HdrHistogram.Histogram;

/**
 * HdrHistogram's compressed encoding in base64: lossless, so histograms written by several injectors decode and add
 * up to exactly the histogram one injector would have recorded.
 */
public final class HistogramCodec {
    /** One hour in microseconds: the largest duration tracked; longer values are clamped to it. */
    public static final long HIGHEST = 3_600_000_000L;
    public static final int DIGITS = 3;

    private HistogramCodec() {
    }

    public static Histogram empty() {
        return new Histogram(1, HIGHEST, DIGITS);
    }

    public static String encode(Histogram h) {
        ByteBuffer buffer = ByteBuffer.allocate(h.getNeededByteBufferCapacity());
        int length = h.encodeIntoCompressedByteBuffer(buffer);
        byte[] bytes = new byte[length];
        buffer.flip();
        buffer.get(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    public static Histogram decode(String base64) {
        try {
            Histogram h = Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(Base64.getDecoder().decode(base64)),
                    HIGHEST);
            Histogram sized = empty();
            sized.add(h);
            return sized;
        } catch (DataFormatException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not an encoded histogram: " + e.getMessage(), e);
        }
    }

    /** Records a value, clamped into the trackable range (a negative duration is a clock artefact: 0). */
    public static void record(Histogram h, long value) {
        h.recordValue(Math.max(0, Math.min(HIGHEST, value)));
    }
}
