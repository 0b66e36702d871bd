package com.personnelevents.settings;

/**
 * A feature that stores values of the custom fields; when one is switched off, its values are deleted in
 * the settings' own transaction. Implemented by the features that hold such values (they depend on this
 * one).
 */
public interface CustomFieldValues {

    void clearCustomField(int slot);
}
