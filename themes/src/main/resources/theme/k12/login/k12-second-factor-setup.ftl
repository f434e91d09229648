<#-- "Set Up a Second Factor" (the pack's required action k12-second-factor-setup): one choice among the methods the
     person can use, then that method's own set-up. -->
<#import "template.ftl" as layout>
<#import "field.ftl" as field>
<@layout.registrationLayout displayMessage=false; section>
<!-- template: k12-second-factor-setup.ftl -->
    <#if section = "header">
        ${msg("k12.secondFactor.setupTitle")}
    <#elseif section = "form">
        <p id="k12-second-factor-intro">${msg("k12.secondFactor.setupIntro")}</p>
        <form id="k12-second-factor-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post" novalidate>
            <#assign choiceError = messagesPerField.get("k12_method")>
            <fieldset class="k12-second-factor-choices" <#if choiceError?has_content>aria-describedby="input-error-k12_method"</#if>>
                <legend class="k12-questions-legend">${msg("k12.secondFactor.legend")}</legend>
                <#list k12SecondFactorChoices as choice>
                    <div class="k12-second-factor-choice">
                        <input type="radio" id="k12-method-${choice.key}" name="k12_method" value="${choice.key}"
                               aria-describedby="k12-method-${choice.key}-help" <#if choice?index == 0>checked</#if>/>
                        <label for="k12-method-${choice.key}">${msg(choice.label)}</label>
                        <p id="k12-method-${choice.key}-help" class="k12-claim-hint">${msg(choice.help)}</p>
                    </div>
                </#list>
            </fieldset>
            <#if choiceError?has_content>
                <span id="input-error-k12_method" class="${properties.kcInputErrorMessageClass!}" aria-live="polite">${kcSanitize(choiceError)?no_esc}</span>
            </#if>
            <div class="${properties.kcFormGroupClass!}">
                <button type="submit" id="k12-second-factor-submit" class="${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}">${msg("k12.secondFactor.continue")}</button>
            </div>
        </form>
    </#if>
</@layout.registrationLayout>
