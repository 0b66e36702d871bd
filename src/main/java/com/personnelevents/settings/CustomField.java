package com.personnelevents.settings;

import io.swagger.v3.oas.annotations.media.Schema;

/** One of the nine custom identity fields: slot 1-9, a label of up to 16 characters, a switch. */
public record CustomField(int slot, @Schema(nullable = true) String label, boolean enabled) {

    public static final int SLOTS = 9;
    public static final int MAX_LABEL_LENGTH = 16;
    public static final int MAX_VALUE_LENGTH = 2048;
}
