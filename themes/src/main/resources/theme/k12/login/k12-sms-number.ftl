<#-- "Set Up Text Message Code" (required-actions smscode.SmsCodeSetupAction), its first page: the mobile number, with
     the reason at the field when it is refused (k12.phone.*) and one message at the top when no text could be sent.
     With no SMS gateway on the server (k12SmsUnavailable), the message only (and Cancel when asked from the account
     console). The next page is the code page, k12-code.ftl. -->
<#import "template.ftl" as layout>
<#import "field.ftl" as field>
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('k12_phone'); section>
<!-- template: k12-sms-number.ftl -->
    <#if section = "header">
        ${msg("k12.smsCodeSetup.title")}
    <#elseif section = "form">
        <#if k12SmsUnavailable??>
            <#if isAppInitiatedAction??>
                <form id="k12-sms-cancel" action="${url.loginAction}" method="post">
                    <button type="submit" id="k12-sms-cancel-button" name="cancel-aia" value="true" class="${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!}">${msg("doCancel")}</button>
                </form>
            </#if>
        <#else>
            <p id="k12-sms-intro" class="k12-code-intro">${msg("k12.smsCodeSetup.numberIntro")}</p>
            <form id="k12-sms-number-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post" novalidate>
                <#assign fieldName = "k12_phone">
                <#assign error = messagesPerField.get(fieldName)>
                <@field.group name=fieldName label=msg("k12.smsCodeSetup.number") error=error required=true>
                    <span class="${properties.kcInputClass} <#if error?has_content>${properties.kcError}</#if>">
                        <input id="${fieldName}" name="${fieldName}" type="tel" required aria-required="true"
                               value="${k12SmsNumberTyped!''}" autocomplete="tel" inputmode="tel" maxlength="40"
                               spellcheck="false" autocapitalize="none" autofocus
                               aria-describedby="<#if error?has_content>input-error-${fieldName} </#if>k12-sms-number-help"
                               <#if error?has_content>aria-invalid="true"</#if>/>
                        <@field.errorIcon error=error/>
                    </span>
                    <div class="${properties.kcFormHelperTextClass!}">
                        <div class="${properties.kcInputHelperTextClass!}">
                            <div class="${properties.kcInputHelperTextItemClass!}" id="k12-sms-number-help">
                                <span class="${properties.kcInputHelperTextItemTextClass!}">${msg("k12.smsCodeSetup.numberHelp")}</span>
                            </div>
                        </div>
                    </div>
                </@field.group>
                <div class="${properties.kcFormGroupClass!}">
                    <button type="submit" id="k12-sms-number-submit" class="${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}">${msg("k12.smsCodeSetup.send")}</button>
                </div>
            </form>
            <#if isAppInitiatedAction??>
                <form id="k12-sms-cancel" action="${url.loginAction}" method="post">
                    <button type="submit" id="k12-sms-cancel-button" name="cancel-aia" value="true" class="${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!}">${msg("doCancel")}</button>
                </form>
            </#if>
        </#if>
    </#if>
</@layout.registrationLayout>
