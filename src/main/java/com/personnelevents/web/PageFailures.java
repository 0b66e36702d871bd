package com.personnelevents.web;

import com.personnelevents.failure.ConflictException;
import com.personnelevents.failure.ForbiddenException;
import com.personnelevents.failure.NotFoundException;
import com.personnelevents.failure.UnprocessableException;
import com.personnelevents.validation.ValidationException;
import com.personnelevents.workflow.WorkflowException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * A page's refusal as a page: the status and the message the API would give, in the layout, with a way
 * back. Anything unexpected is left to the API's handler (logged, no internals shown).
 */
@ControllerAdvice(assignableTypes = PageController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageFailures {

    @ExceptionHandler(NotFoundException.class)
    String notFound(NotFoundException e, Model model, HttpServletResponse response) {
        return page(HttpStatus.NOT_FOUND, "Not found", e.getMessage(), model, response);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    String badPath(Model model, HttpServletResponse response) {
        return page(HttpStatus.NOT_FOUND, "Not found", "There is no such page", model, response);
    }

    @ExceptionHandler(ForbiddenException.class)
    String forbidden(ForbiddenException e, Model model, HttpServletResponse response) {
        return page(HttpStatus.FORBIDDEN, "Not allowed", e.getMessage(), model, response);
    }

    @ExceptionHandler({ConflictException.class, WorkflowException.class})
    String conflict(RuntimeException e, Model model, HttpServletResponse response) {
        return page(HttpStatus.CONFLICT, "Not possible now", e.getMessage(), model, response);
    }

    @ExceptionHandler(UnprocessableException.class)
    String unprocessable(UnprocessableException e, Model model, HttpServletResponse response) {
        return page(HttpStatus.UNPROCESSABLE_CONTENT, "Not possible", e.getMessage(), model, response);
    }

    @ExceptionHandler(ValidationException.class)
    String invalid(ValidationException e, Model model, HttpServletResponse response) {
        model.addAttribute("violations", e.violations());
        return page(HttpStatus.BAD_REQUEST, "Please check", "Some values are not valid", model, response);
    }

    private static String page(
            HttpStatus status, String title, String message, Model model, HttpServletResponse response) {
        response.setStatus(status.value());
        model.addAttribute("title", title);
        model.addAttribute("message", message);
        model.addAttribute("status", status.value());
        return "error";
    }
}
