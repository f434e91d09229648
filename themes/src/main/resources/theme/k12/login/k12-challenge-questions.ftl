<#-- "Set Up Challenge Questions" (the pack's required action k12-set-challenge-questions): a question and an answer per
     row. A refused form keeps the questions chosen, never an answer; each problem is said at its field. -->
<#import "template.ftl" as layout>
<#import "field.ftl" as field>
<@layout.registrationLayout displayMessage=false; section>
<!-- template: k12-challenge-questions.ftl -->
    <#if section = "header">
        ${msg("k12.questions.setTitle")}
    <#elseif section = "form">
        <p id="k12-questions-intro" class="k12-questions-intro">${msg("k12.questions.setIntro", k12QuestionRows?size)}</p>
        <form id="k12-questions-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post" novalidate>
            <#list k12QuestionRows as row>
                <fieldset class="k12-questions-row">
                    <legend class="k12-questions-legend">${msg("k12.questions.rowLegend", row.number, k12QuestionRows?size)}</legend>
                    <#assign questionError = messagesPerField.get(row.questionField)>
                    <@field.group name=row.questionField label=msg("k12.questions.question") error=questionError required=true>
                        <span class="${properties.kcInputClass} <#if questionError?has_content>${properties.kcError}</#if>">
                            <select id="${row.questionField}" name="${row.questionField}" required aria-required="true"
                                    <#if row?index == 0 && !questionError?has_content>autofocus</#if>
                                    <#if questionError?has_content>aria-invalid="true" aria-describedby="input-error-${row.questionField}"</#if>>
                                <option value="">${msg("k12.questions.choose")}</option>
                                <#list k12QuestionOptions as option>
                                    <option value="${option.id}"<#if row.chosen == option.id> selected</#if>>${option.text}</option>
                                </#list>
                            </select>
                        </span>
                    </@field.group>
                    <#assign answerError = messagesPerField.get(row.answerField)>
                    <@field.group name=row.answerField label=msg("k12.questions.answer") error=answerError required=true>
                        <span class="${properties.kcInputClass} <#if answerError?has_content>${properties.kcError}</#if>">
                            <input id="${row.answerField}" name="${row.answerField}" type="text" required aria-required="true"
                                   autocomplete="off" spellcheck="false" maxlength="100" value=""
                                   aria-describedby="k12-questions-answer-hint<#if answerError?has_content> input-error-${row.answerField}</#if>"
                                   <#if answerError?has_content>aria-invalid="true"</#if>/>
                            <@field.errorIcon error=answerError/>
                        </span>
                    </@field.group>
                </fieldset>
            </#list>
            <p id="k12-questions-answer-hint" class="k12-claim-hint">${msg("k12.questions.answerHint")}</p>
            <div class="${properties.kcFormGroupClass!}">
                <button type="submit" id="k12-questions-submit" class="${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}">${msg("k12.questions.save")}</button>
                <#if isAppInitiatedAction??>
                    <button type="submit" id="k12-questions-cancel" name="cancel-aia" value="true" class="${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!}">${msg("doCancel")}</button>
                </#if>
            </div>
        </form>
    </#if>
</@layout.registrationLayout>
