/** One technician's day on the board (the phone day list): pure selection and order. */
import type { BoardJob } from './board-types';
import { addDays } from './wall-clock';
import { minutePart, startOfDayMinute } from '../synchroteam/dates';

/**
 * Jobs `technicianId` works on (as lead or as one of the other technicians) that touch `day` ("YYYY-MM-DD"), earliest
 * first: a job from the night before that runs into the day is in it, one ending at midnight is not.
 */
export function technicianDayJobs(jobs: readonly BoardJob[], technicianId: number, day: string): BoardJob[] {
  const from = startOfDayMinute(day);
  const to = startOfDayMinute(addDays(day, 1));
  return jobs
    .filter((j) => (j.technicianId === technicianId || j.otherTechnicianIds.includes(technicianId)) && j.start && j.end)
    .filter((j) => minutePart(j.start!) < to && minutePart(j.end!) > from)
    .sort((a, b) => a.start!.localeCompare(b.start!) || a.num - b.num);
}
