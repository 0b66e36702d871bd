package com.personnelevents.web;

import java.io.IOException;

/** A body over the size limit, found from its announced length or while reading it. */
class PayloadTooLargeException extends IOException {

    PayloadTooLargeException(long limit) {
        super("Request body must not exceed " + limit / 1024 + " KiB");
    }
}
