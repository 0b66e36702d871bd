/**
 * The failures the features report, by kind, without HTTP: the web feature's advice answers each with its
 * status and code in the error envelope.
 */
package com.personnelevents.failure;
