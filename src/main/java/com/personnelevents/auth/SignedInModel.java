package com.personnelevents.auth;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;

/**
 * Every page's model gets the signed-in person ({@code signedIn}, null on the sign-in page) for the
 * layout's header. Answers without a view (the API's) are left alone.
 */
class SignedInModel implements HandlerInterceptor {

    @Override
    public void postHandle(
            HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView view) {
        if (view != null && (view.getViewName() == null || !view.getViewName().startsWith("redirect:"))) {
            view.addObject("signedIn", request.getAttribute(SignInConfig.CALLER));
        }
    }
}
