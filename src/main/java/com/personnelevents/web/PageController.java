package com.personnelevents.web;

/**
 * Marks the controllers of the pages: their failures are answered as pages ({@link PageFailures}), not as
 * the API's JSON envelope.
 */
public interface PageController {}
