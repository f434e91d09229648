<#-- "Forgot my username" (the pack's recovery step, in the username step of the browser flow): an email address and
     "I'm not a robot", then always the same page (k12ForgotUsernameSent), whatever the address. Only how the form was
     filled (an empty or malformed address, "I'm not a robot" not done) is said, at its field. -->
<#import "template.ftl" as layout>
<#import "field.ftl" as field>
<#import "captcha.ftl" as captcha>
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('k12_forgot_username_email','k12_captcha'); section>
<!-- template: k12-forgot-username.ftl -->
    <#if section = "header">
        ${msg("k12.forgotUsername.title")}
    <#elseif section = "form">
        <#if k12ForgotUsernameSent??>
            <p id="k12-forgot-username-sent" class="k12-forgot-username-sent" role="status">${msg("k12.forgotUsername.sent")}</p>
            <form id="k12-forgot-username-cancel" action="${url.loginAction}" method="post">
                <input type="hidden" name="k12_forgot_username_step" value="cancel"/>
                <button type="submit" id="k12-forgot-username-back" autofocus class="${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}">${msg("k12.forgotUsername.back")}</button>
            </form>
        <#else>
            <p id="k12-forgot-username-intro" class="k12-claim-intro">${msg("k12.forgotUsername.intro")}</p>
            <form id="k12-forgot-username-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post" novalidate>
                <input type="hidden" name="k12_forgot_username_step" value="send"/>
                <#assign fieldName = "k12_forgot_username_email">
                <#assign error = messagesPerField.get(fieldName)>
                <@field.group name=fieldName label=msg("k12.forgotUsername.field.email") error=error required=true>
                    <span class="${properties.kcInputClass} <#if error?has_content>${properties.kcError}</#if>">
                        <input id="${fieldName}" name="${fieldName}" type="email" required aria-required="true"
                               value="${(k12ForgotUsernameTyped[fieldName])!''}" autocomplete="email" spellcheck="false"
                               autocapitalize="none" maxlength="254"
                               <#if !messagesPerField.existsError('k12_captcha')>autofocus</#if>
                               <#if error?has_content>aria-invalid="true" aria-describedby="input-error-${fieldName}"</#if>/>
                        <@field.errorIcon error=error/>
                    </span>
                </@field.group>
                <div class="${properties.kcFormGroupClass!}">
                    <@captcha.widget challenge=k12Captcha/>
                    <#assign captchaError = messagesPerField.get('k12_captcha')>
                    <#if captchaError?has_content>
                        <div class="${properties.kcInputHelperTextItemClass!} ${properties.kcError!}" id="input-error-k12_captcha" aria-live="polite">
                            <span class="${properties.kcInputErrorMessageClass!}">${captchaError}</span>
                        </div>
                    </#if>
                </div>
                <div class="${properties.kcFormGroupClass!}">
                    <button type="submit" id="k12-forgot-username-submit" class="${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}">${msg("k12.forgotUsername.send")}</button>
                </div>
            </form>
            <form id="k12-forgot-username-cancel" action="${url.loginAction}" method="post">
                <input type="hidden" name="k12_forgot_username_step" value="cancel"/>
                <button type="submit" id="k12-forgot-username-back" class="${properties.kcButtonLinkClass!'pf-v5-c-button pf-m-link'}">${msg("k12.forgotUsername.back")}</button>
            </form>
        </#if>
    </#if>
</@layout.registrationLayout>
