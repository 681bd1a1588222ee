import type { Rule } from '../../../src/core/index.ts';
import budgetInformation from '../219-budget-information.rule.ts';
import openData from '../236-open-data.rule.ts';
import replyWithinThreeDays from '../250-reply-within-three-days.rule.ts';
import usefulAnswer from '../252-useful-answer.rule.ts';
import reportDiscrimination from '../267-report-discrimination.rule.ts';
import aiChatbot from '../270b-ai-chatbot.rule.ts';
import complaintFeedback from '../271-complaint-feedback.rule.ts';
import opinionTools from '../272-opinion-tools.rule.ts';
import incidentReporting from '../274-incident-reporting.rule.ts';
import participatoryBudget from '../275-participatory-budget.rule.ts';
import masterPlanParticipation from '../276-master-plan-participation.rule.ts';
import participationCalendar from '../277-participation-calendar.rule.ts';
import consultationOutcome from '../278-consultation-outcome.rule.ts';
import eVoting from '../279-e-voting.rule.ts';
import councilMeetings from '../280-council-meetings.rule.ts';

/** LOSI 2024 PE rules, by code. One list per criterion so each can grow on its own. */
export const PE_RULES: readonly Rule[] = [
  budgetInformation,
  openData,
  replyWithinThreeDays,
  usefulAnswer,
  reportDiscrimination,
  aiChatbot,
  complaintFeedback,
  opinionTools,
  incidentReporting,
  participatoryBudget,
  masterPlanParticipation,
  participationCalendar,
  consultationOutcome,
  eVoting,
  councilMeetings,
];
