package com.personnelevents.access;

import java.time.Instant;

/** One permission a person holds now, with the account it is held through. */
record HeldAccessView(Named application, Named permission, String account, String status, Instant updatedAt) {}
