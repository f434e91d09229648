<#-- The code page of every method that sends a code (authenticators secondfactor.CodePage: the email code, the text
     message code): the code field, where the code went (masked), "Resend code", and one message at the top. Its
     words are the method's (k12CodePrefix: .title, .intro). "Try another way" is the base template's, shown when the
     flow offers other ways. An account without an address (k12CodeNoAddress) gets the message only. Setting up the
     text message code adds "Use another number" (k12CodeOtherNumber: the button's field). -->
<#import "template.ftl" as layout>
<#import "field.ftl" as field>
<@layout.registrationLayout displayMessage=true; section>
<!-- template: k12-code.ftl -->
    <#if section = "header">
        ${msg((k12CodePrefix!"k12.emailCodeSetup") + ".title")}
    <#elseif section = "form">
        <#if k12CodeNoAddress??>
            <#if isAppInitiatedAction??>
                <form id="k12-code-cancel" action="${url.loginAction}" method="post">
                    <button type="submit" id="k12-code-cancel-button" name="cancel-aia" value="true" class="${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!}">${msg("doCancel")}</button>
                </form>
            </#if>
        <#else>
            <p id="k12-code-intro" class="k12-code-intro">${msg(k12CodePrefix + ".intro", k12CodeDestination, k12CodeMinutes)}</p>
            <form id="k12-code-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post" novalidate>
                <@field.group name="k12_code" label=msg("k12.code.label") required=true>
                    <span class="${properties.kcInputClass}">
                        <input id="k12_code" name="k12_code" type="text" required aria-required="true"
                               autocomplete="one-time-code" inputmode="numeric" pattern="[0-9 ]*" maxlength="12"
                               spellcheck="false" autocapitalize="none" autofocus value=""
                               aria-describedby="k12-code-intro"/>
                    </span>
                </@field.group>
                <div class="${properties.kcFormGroupClass!}">
                    <button type="submit" id="k12-code-submit" class="${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}">${msg("k12.code.submit")}</button>
                </div>
            </form>
            <form id="k12-code-resend-form" class="k12-code-resend" action="${url.loginAction}" method="post">
                <button type="submit" id="k12-code-resend" name="k12_code_resend" value="true" class="${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!}">${msg("k12.code.resend")}</button>
                <#if k12CodeOtherNumber??>
                    <button type="submit" id="k12-code-other-number" name="${k12CodeOtherNumber}" value="true" formnovalidate class="${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!}">${msg("k12.smsCodeSetup.otherNumber")}</button>
                </#if>
                <#if isAppInitiatedAction??>
                    <button type="submit" id="k12-code-cancel-button" name="cancel-aia" value="true" formnovalidate class="${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!}">${msg("doCancel")}</button>
                </#if>
            </form>
        </#if>
    </#if>
</@layout.registrationLayout>
