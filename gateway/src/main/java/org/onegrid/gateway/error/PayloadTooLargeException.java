package org.onegrid.gateway.error;

/** A request body went over the gateway's limit while it was being streamed (no Content-Length up front). */
public class PayloadTooLargeException extends RuntimeException {

    public PayloadTooLargeException(long limit) {
        super("The request body is larger than " + limit + " bytes");
    }
}
