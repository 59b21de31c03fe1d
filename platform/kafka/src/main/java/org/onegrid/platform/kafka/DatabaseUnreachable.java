package org.onegrid.platform.kafka;

import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;

/** Whether a consumer's failure is its service's database being out of reach (down, or no server to select). */
final class DatabaseUnreachable {

    private DatabaseUnreachable() {
    }

    static boolean causes(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof MongoSocketException || t instanceof MongoTimeoutException) {
                return true;
            }
        }
        return false;
    }
}
