<#-- "Challenge Questions" in "Forgot my password" (the pack's step k12-challenge-answers): the questions asked, an
     answer field each. Every refusal is one message at the top (k12.questions.wrong). -->
<#import "template.ftl" as layout>
<#import "field.ftl" as field>
<@layout.registrationLayout displayMessage=true; section>
<!-- template: k12-challenge-answers.ftl -->
    <#if section = "header">
        ${msg("k12.questions.answerTitle")}
    <#elseif section = "form">
        <p id="k12-answers-intro" class="k12-questions-intro">${msg("k12.questions.answerIntro")}</p>
        <form id="k12-answers-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post" novalidate>
            <#list k12Questions as question>
                <@field.group name=question.field label=question.text required=true>
                    <span class="${properties.kcInputClass}">
                        <input id="${question.field}" name="${question.field}" type="text" required aria-required="true"
                               autocomplete="off" spellcheck="false" maxlength="100" value=""
                               <#if question?index == 0>autofocus</#if>/>
                    </span>
                </@field.group>
            </#list>
            <div class="${properties.kcFormGroupClass!}">
                <button type="submit" id="k12-answers-submit" class="${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}">${msg("doSubmit")}</button>
            </div>
        </form>
        <p class="k12-questions-back"><a id="k12-answers-back" href="${url.loginRestartFlowUrl}">${msg("backToLogin")}</a></p>
    </#if>
</@layout.registrationLayout>
