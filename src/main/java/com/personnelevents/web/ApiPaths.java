package com.personnelevents.web;

/** Path templates shared by the controllers. */
public final class ApiPaths {

    /**
     * {@code {id}} matching only a GUID: any other segment is no id, so {@code GET /api/personnel-events/onboard}
     * finds the POST-only route and answers 405, and {@code /api/identities/nobody} is a 404 like any unknown id.
     */
    public static final String ID = "{id:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}}";

    private ApiPaths() {}
}
