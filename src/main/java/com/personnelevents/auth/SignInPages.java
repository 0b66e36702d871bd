package com.personnelevents.auth;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page: a local account's email and password, and a button per identity provider. */
@Controller
class SignInPages {

    private final ObjectProvider<ClientRegistrationRepository> registrations;

    SignInPages(ObjectProvider<ClientRegistrationRepository> registrations) {
        this.registrations = registrations;
    }

    @GetMapping("/login")
    String login(HttpServletRequest request, Model model) {
        model.addAttribute("providers", providers());
        HttpSession session = request.getSession(false);
        if (request.getParameter("error") != null && session != null) {
            Object failure = session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
            session.removeAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
            model.addAttribute("error", message(failure));
        }
        model.addAttribute("signedOut", request.getParameter("signedOut") != null);
        return "auth/login";
    }

    /** Each provider configured, by registration id and the name it is shown by. */
    private List<Provider> providers() {
        List<Provider> providers = new ArrayList<>();
        ClientRegistrationRepository repository = registrations.getIfAvailable();
        if (repository instanceof Iterable<?> all) {
            for (Object registration : all) {
                ClientRegistration r = (ClientRegistration) registration;
                providers.add(new Provider(r.getRegistrationId(), r.getClientName()));
            }
        }
        return providers;
    }

    private static String message(Object failure) {
        if (failure instanceof OAuth2AuthenticationException e && e.getError().getDescription() != null) {
            return e.getError().getDescription();
        }
        if (failure instanceof OAuth2AuthenticationException e) {
            return e.getMessage() == null ? "The identity provider refused the sign-in" : e.getMessage();
        }
        if (failure instanceof AuthenticationException e && e.getMessage() != null) {
            return e.getMessage();
        }
        return "The sign-in did not succeed; try again";
    }

    record Provider(String id, String name) {}
}
