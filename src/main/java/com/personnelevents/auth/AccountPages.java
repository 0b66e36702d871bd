package com.personnelevents.auth;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Who the signed-in person is: their name, their roles and why. */
@Controller
class AccountPages {

    private final MeController.Me me;

    AccountPages(MeController.Me me) {
        this.me = me;
    }

    /** Until the taskboards exist, a person lands on their account. */
    @GetMapping("/")
    String home() {
        return "redirect:/account";
    }

    @GetMapping("/account")
    String account(Caller caller, Model model) {
        model.addAttribute("me", me.of(caller));
        return "auth/account";
    }
}
