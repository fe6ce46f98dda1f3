package vn.gov.moha.portal.signature;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;

/**
 * A signature's byte range in the file: {@code [0, gapStart)} and {@code [gapEnd, end)} are signed, the gap between
 * holds the signature itself as a hex string {@code <...>}. Read from the file in small pieces, never whole.
 */
final class SignedBytes {

    /** Far more than any CMS signature with its chain and time stamp; a larger gap is not a signature. */
    private static final long MAX_GAP = 4L * 1024 * 1024;

    private final FileChannel file;
    private final long gapStart;
    private final long gapEnd;
    private final long end;

    private SignedBytes(FileChannel file, long gapStart, long gapEnd, long end) {
        this.file = file;
        this.gapStart = gapStart;
        this.gapEnd = gapEnd;
        this.end = end;
    }

    /**
     * The range if it is well formed: four numbers, starting at the file's first byte, within the file, leaving out
     * exactly a hex string; otherwise null.
     */
    static @Nullable SignedBytes of(FileChannel file, int[] range) throws IOException {
        if (range.length != 4 || range[0] != 0 || range[1] <= 0 || range[3] < 0) {
            return null;
        }
        long gapStart = range[1];
        long gapEnd = range[2];
        long end = gapEnd + range[3];
        if (gapEnd - gapStart < 2 || gapEnd - gapStart > MAX_GAP || end > file.size()) {
            return null;
        }
        return new SignedBytes(file, gapStart, gapEnd, end);
    }

    /** Where the signed bytes end: the file's length when nothing was added after signing. */
    long end() {
        return end;
    }

    /** The signature in the gap, decoded from hex (with the zero padding after it), or null if not a hex string. */
    byte @Nullable [] signature() throws IOException {
        ByteBuffer gap = ByteBuffer.allocate((int) (gapEnd - gapStart));
        while (gap.hasRemaining() && file.read(gap, gapStart + gap.position()) > 0) {
            // read until full
        }
        byte[] bytes = gap.array();
        if (gap.hasRemaining() || bytes[0] != '<' || bytes[bytes.length - 1] != '>' || bytes.length % 2 != 0) {
            return null;
        }
        String hex = new String(bytes, 1, bytes.length - 2, StandardCharsets.US_ASCII);
        try {
            return HexFormat.of().parseHex(hex);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The signed bytes as one stream: the range before the gap, then the range after it. */
    InputStream content() {
        return new InputStream() {
            private long position = 0;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                if (position == gapStart) {
                    position = gapEnd;
                }
                long limit = position < gapStart ? gapStart : end;
                if (position >= limit) {
                    return -1;
                }
                int wanted = (int) Math.min(length, limit - position);
                int n = file.read(ByteBuffer.wrap(buffer, offset, wanted), position);
                if (n < 0) {
                    return -1;
                }
                position += n;
                return n;
            }
        };
    }
}
