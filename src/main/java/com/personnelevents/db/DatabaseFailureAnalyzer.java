package com.personnelevents.db;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Start-up stopped by a {@link DatabaseProblem}: its one line, and the setting to change, no stack trace. */
class DatabaseFailureAnalyzer extends AbstractFailureAnalyzer<DatabaseProblem> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DatabaseProblem cause) {
        return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
    }
}
