package com.personnelevents.web;

import java.util.Locale;
import org.springdoc.core.service.OpenAPIService;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The API document is built once and served from springdoc's cache (building it takes about half a second,
 * and it is open to anyone), and rebuilt every hour so that its examples, dated from today, stay valid. It
 * is cached for one locale only ({@code springdoc.allowed-locales}): a cache per Accept-Language would let
 * anyone fill the heap with copies.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class ApiDocumentRefresh {

    private final OpenAPIService documents;

    ApiDocumentRefresh(OpenAPIService documents) {
        this.documents = documents;
    }

    @Scheduled(
            fixedDelayString = "${personnel-events.api-docs.rebuild:1h}",
            initialDelayString = "${personnel-events.api-docs.rebuild:1h}")
    public void forget() {
        documents.setCachedOpenAPI(null, Locale.ENGLISH);
        documents.setCachedOpenAPI(null, Locale.getDefault());
    }
}
