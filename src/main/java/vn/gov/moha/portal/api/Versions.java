package vn.gov.moha.portal.api;

import org.jspecify.annotations.Nullable;

/** The version an update is based on: If-Match ({@code "3"} or {@code W/"3"}) first, else the body's; one is needed. */
final class Versions {

    private Versions() {}

    static long of(@Nullable String ifMatch, @Nullable Long fromBody) {
        if (ifMatch != null && !ifMatch.isBlank()) {
            String tag = ifMatch.strip();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            tag = tag.replace("\"", "");
            try {
                return Long.parseLong(tag);
            } catch (NumberFormatException e) {
                return -1; // never a version: answered as stale, 412
            }
        }
        if (fromBody == null) {
            throw new ApiProblems.VersionRequired();
        }
        return fromBody;
    }

    /** The ETag of a versioned thing, for If-Match on its next update. */
    static String etag(long version) {
        return "\"" + version + "\"";
    }
}
