"""Running a batch: the pipeline, its engines, progress, interrupts, memory."""
