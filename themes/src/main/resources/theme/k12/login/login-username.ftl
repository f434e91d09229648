<#-- keycloak.v2's login-username.ftl (Keycloak 26.7.0) with the student badge: "Scan Student QR Code", shown when the
     flow's step is the pack's "Username, Student Badge or Claim" (it sets k12Badge), and "Claim My Account" where the
     step offers it (k12Claim), "Forgot my username" where it offers that (k12ForgotUsername), and "Forgot my password"
     where the realm allows it (its reset-credentials flow). -->
<#import "template.ftl" as layout>
<#import "field.ftl" as field>
<#import "buttons.ftl" as buttons>
<#import "social-providers.ftl" as identityProviders>
<#import "passkeys.ftl" as passkeys>
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('username') displayInfo=(realm.password && realm.registrationAllowed && !registrationDisabled??); section>
<!-- template: login-username.ftl (k12) -->

    <#if section = "header">
        ${msg("loginAccountTitle")}
    <#elseif section = "form">
        <div id="kc-form">
            <div id="kc-form-wrapper">
                <#if realm.password>
                    <form id="kc-form-login" class="${properties.kcFormClass!}" onsubmit="login.disabled = true; return true;" action="${url.loginAction}"
                          method="post">
                        <#if !usernameHidden??>
                            <div class="${properties.kcFormGroupClass!}">
                                <#assign label>
                                    <#if !realm.loginWithEmailAllowed>${msg("username")}<#elseif !realm.registrationEmailAsUsername>${msg("usernameOrEmail")}<#else>${msg("email")}</#if>
                                </#assign>
                                <@field.input name="username" label=label value=login.username!'' autofocus=true autocomplete="${(enableWebAuthnConditionalUI?has_content)?then('username webauthn', 'username')}" />
                            </div>
                        </#if>

                        <div class="${properties.kcFormGroupClass!}">
                            <#if realm.rememberMe && !usernameHidden??>
                                <@field.checkbox name="rememberMe" label=msg("rememberMe") value=login.rememberMe?? />
                            </#if>
                        </div>

                        <@buttons.loginButton />
                    </form>
                    <#if realm.resetPasswordAllowed && !usernameHidden??>
                        <p class="k12-forgot-password"><a id="k12-forgot-password" href="${url.loginResetCredentialsUrl}">${msg("doForgotPassword")}</a></p>
                    </#if>
                </#if>

                <#if k12Badge?? && !usernameHidden??>
                    <div id="k12-badge" class="k12-badge">
                        <button type="button" id="k12-badge-scan" class="${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!} k12-badge-scan">${msg("k12.badge.scan")}</button>
                        <div id="k12-badge-panel" class="k12-badge-panel" hidden>
                            <div id="k12-badge-reader" class="k12-badge-reader" role="img" aria-label="${msg("k12.badge.cameraLabel")}"></div>
                            <p id="k12-badge-status" class="k12-badge-status" role="status" aria-live="polite"></p>
                            <p class="k12-badge-tips">${msg("k12.badge.tips")}</p>
                            <button type="button" id="k12-badge-start-over" class="${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!}">${msg("k12.badge.startOver")}</button>
                        </div>
                        <form id="k12-badge-form" action="${url.loginAction}" method="post" hidden>
                            <input type="hidden" id="k12-badge-value" name="k12_badge" value=""/>
                        </form>
                        <div id="k12-badge-messages" hidden
                             data-scanning="${msg("k12.badge.scanning")}"
                             data-denied="${msg("k12.badge.cameraDenied")}"
                             data-no-camera="${msg("k12.badge.noCamera")}"
                             data-insecure="${msg("k12.badge.insecure")}"
                             data-error="${msg("k12.badge.cameraError")}"></div>
                    </div>
                    <script src="${url.resourcesPath}/vendor/html5-qrcode/html5-qrcode.min.js"></script>
                    <script src="${url.resourcesPath}/js/k12-badge-scan.js"></script>
                </#if>
                <#if k12Claim?? && !usernameHidden??>
                    <form id="k12-claim-start" class="k12-claim-start" action="${url.loginAction}" method="post">
                        <input type="hidden" name="k12_claim_step" value="start"/>
                        <button type="submit" id="k12-claim-link" class="${properties.kcButtonLinkClass!'pf-v5-c-button pf-m-link'}">${msg("k12.claim.link")}</button>
                    </form>
                </#if>
                <#if k12ForgotUsername?? && !usernameHidden??>
                    <form id="k12-forgot-username-start" class="k12-claim-start" action="${url.loginAction}" method="post">
                        <input type="hidden" name="k12_forgot_username_step" value="start"/>
                        <button type="submit" id="k12-forgot-username-link" class="${properties.kcButtonLinkClass!'pf-v5-c-button pf-m-link'}">${msg("k12.forgotUsername.link")}</button>
                    </form>
                </#if>
            </div>
        </div>
        <@passkeys.conditionalUIData />

    <#elseif section = "info" >
        <#if realm.password && realm.registrationAllowed && !registrationDisabled??>
            <div id="kc-registration">
                <span>${msg("noAccount")} <a href="${url.registrationUrl}">${msg("doRegister")}</a></span>
            </div>
        </#if>
    <#elseif section = "socialProviders" >
        <#if realm.password && social.providers?? && social.providers?has_content>
            <@identityProviders.show social=social />
        </#if>
    </#if>

</@layout.registrationLayout>
