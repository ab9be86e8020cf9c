//! The sign-in form; it posts to `/login` and comes back to `next`.

use maud::{Markup, html};

use super::{Chrome, flash, page};

pub fn render(chrome: &Chrome, next: &str, name: &str, error: Option<&str>) -> Markup {
    page(
        chrome,
        chrome.t("登录", "Sign in"),
        html! {
            (flash(error, true))
            form.card method="post" action="/login" {
                input type="hidden" name="next" value=(next);
                label { (chrome.t("用户名", "Name")) br; input type="text" name="name" value=(name) autocomplete="username" required autofocus; }
                label { (chrome.t("密码", "Password")) br; input type="password" name="password" autocomplete="current-password" required; }
                button type="submit" { (chrome.t("登录", "Sign in")) }
            }
        },
    )
}
