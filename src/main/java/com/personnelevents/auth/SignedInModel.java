package com.personnelevents.auth;

import com.personnelevents.web.PageLinks;
import com.personnelevents.workflow.Role;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Every page's model gets the signed-in person ({@code signedIn}, null on the sign-in page) and what the
 * layout's header needs: the current path (to mark the page in the navigation), whether the person may
 * administer (Administrators, the Security Team) and create events; and a list's paging links
 * ({@link PageLinks}). Only links depend on these; the server refuses what a person may not do whatever the
 * page shows. Answers without a view (the API's) are left alone.
 */
class SignedInModel implements HandlerInterceptor {

    /**
     * Kept as request attributes, which a page's view reads as it reads its model: so that a page a failure
     * handler renders (whose model never passes {@code postHandle}) has its header too.
     */
    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        Object person = request.getAttribute(SignInConfig.CALLER);
        request.setAttribute("signedIn", person);
        request.setAttribute("currentPath", request.getRequestURI());
        request.setAttribute("pageLinks", new PageLinks(request));
        if (person instanceof Caller caller) {
            request.setAttribute("mayAdminister", caller.holds(Role.Administrator) || caller.holds(Role.SecurityTeam));
            request.setAttribute("mayCreate", caller.has(Scope.EVENTS_WRITE));
        }
        return true;
    }
}
