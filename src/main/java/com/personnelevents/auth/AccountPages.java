package com.personnelevents.auth;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Who the signed-in person is: their name, their roles and why. */
@Controller
class AccountPages implements com.personnelevents.web.PageController {

    private final MeController.Me me;

    AccountPages(MeController.Me me) {
        this.me = me;
    }

    @GetMapping("/account")
    String account(Caller caller, Model model) {
        model.addAttribute("me", me.of(caller));
        return "auth/account";
    }
}
