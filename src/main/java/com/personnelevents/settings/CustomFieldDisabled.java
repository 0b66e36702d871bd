package com.personnelevents.settings;

/**
 * Published inside the settings transaction when a custom field is switched off, so that the features
 * holding its values delete them in that same transaction.
 */
public record CustomFieldDisabled(int slot) {}
